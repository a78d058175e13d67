using System.Globalization;

namespace Evidentia.Core.Answers;

/// <summary>What a question must be before anything is searched.</summary>
public static class QuestionRules
{
    /// <summary>Longest question accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>Null when <paramref name="question"/> can be asked, else a message for the person who asked it.</summary>
    public static string? Validate(string? question) => question switch
    {
        null or { Length: 0 } => "The question is empty.",
        // Judged on what a reader sees: whitespace, control characters ("\u0000") and invisible format characters
        // (zero-width spaces and joiners, the byte-order mark) are no question.
        _ when question.All(Invisible) => "The question is empty.",
        { Length: > MaxLength } => $"The question is {question.Length:N0} characters long; the limit is {MaxLength:N0}.",
        _ => null,
    };

    private static bool Invisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
