namespace Evidentia.Core.Questions;

/// <summary>Tells whether a question describes an emergency happening now, and which.</summary>
public interface IEmergencyDetector
{
    /// <summary>What the question describes ("signs of a stroke"), or null when it is not an emergency.</summary>
    string? Detect(string question);
}
