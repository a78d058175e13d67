using System.Text.RegularExpressions;
using Evidentia.Core.Questions;

namespace Evidentia.Core.Conversations;

/// <summary>
/// Completes a follow-up ("and in children?", "what about the dose?") with what its thread was about:
/// a short question that opens like a follow-up, or that names no focus of its own, inherits the
/// previous turn's focus, and its type when it names none.
/// </summary>
public static partial class FollowUps
{
    /// <summary>The question as analysed and searched in the context of <paramref name="previous"/>.</summary>
    public static (QuestionAnalysis Analysis, string SearchedAs) Resolve(ConversationTurn? previous, string question, QuestionAnalysis analysis)
    {
        if (previous?.Focus is null)
        {
            return (analysis, question);
        }

        var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var followUp = Opening().IsMatch(question) || analysis.Focus is null || (words <= 8 && Pronoun().IsMatch(question));
        if (!followUp)
        {
            return (analysis, question);
        }

        var type = analysis.Type is QuestionType.Other or QuestionType.Comparison ? previous.Type : analysis.Type;
        var searchedAs = $"{question.TrimEnd('?', ' ')} {previous.Focus} {Keyword(type)}".Trim();
        return (new QuestionAnalysis(type, previous.Focus, analysis.EmergencyReason), searchedAs);
    }

    private static string Keyword(QuestionType type) => type switch
    {
        QuestionType.Treatment => "treatment",
        QuestionType.Diagnosis => "diagnosis",
        QuestionType.Dose => "dose",
        QuestionType.Cause => "causes",
        QuestionType.Symptoms => "symptoms",
        QuestionType.Prognosis => "outlook",
        QuestionType.Prevention => "prevention",
        QuestionType.Genetics => "inherited genetic",
        QuestionType.Frequency => "how common",
        QuestionType.Complications => "complications",
        _ => "",
    };

    [GeneratedRegex(@"^\s*(and|but|also|what about|how about|what if|in|for|during|with|is it|does it|can it|is that|are they|do they)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();

    [GeneratedRegex(@"\b(it|this|that|they|them|these|those)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();
}
