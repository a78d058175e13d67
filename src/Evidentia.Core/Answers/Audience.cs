namespace Evidentia.Core.Answers;

/// <summary>"Which best describes you?": the reader an answer is tailored for. The evidence rules are the same for all.</summary>
public enum Audience
{
    Physician,
    Nurse,
    Pharmacist,
    Student,
    Patient,
}
