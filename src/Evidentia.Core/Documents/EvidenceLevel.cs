namespace Evidentia.Core.Documents;

/// <summary>
/// The kind of evidence a document is, strongest first. The order is the ranking preference:
/// a lower value is stronger evidence.
/// </summary>
public enum EvidenceLevel
{
    Guideline,
    SystematicReview,
    RandomizedTrial,
    ObservationalStudy,
    Review,
    CaseReport,
    PatientInformation,
    Research,
}
