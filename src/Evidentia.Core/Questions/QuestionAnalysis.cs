namespace Evidentia.Core.Questions;

/// <summary>
/// What a question asks: its type, its focus (the condition, drug or procedure it is about, when one can be
/// told), and whether it describes an emergency happening now.
/// </summary>
public sealed record QuestionAnalysis(QuestionType Type, string? Focus, string? EmergencyReason)
{
    public bool IsEmergency => EmergencyReason is not null;
}
