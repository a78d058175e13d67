using System.Text.RegularExpressions;

namespace Evidentia.Core.Documents;

/// <summary>
/// The grade a guideline writes after a recommendation: "(Strong recommendation, high-quality evidence)", "[A]",
/// "(Level B)", "(Grade 1C)", "(Level of Evidence: C)", "(GPP)", or an appropriateness rating in a table row
/// ("Rating: 9"). A grade is read from the passage it is written in, so it stays attached to that passage wherever
/// the passage is quoted; what the grade means is the guideline's rating scheme (<see cref="DocumentFields.RecommendationRatingScheme"/>,
/// <see cref="DocumentFields.GradeDefinitions"/>). Only guidelines are read for grades.
/// </summary>
public static partial class RecommendationGrades
{
    // Words that grading notations are made of. A bracket holding any other word ("see Table 2", "new 2014") is no grade.
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "level", "levels", "grade", "graded", "class", "evidence", "recommendation", "recommendations", "strength", "quality",
        "strong", "weak", "conditional", "moderate", "low", "high", "very", "good", "fair", "poor", "insufficient", "limited",
        "of", "for", "against", "the", "a", "an", "use", "intervention", "expert", "opinion", "consensus", "gpp",
        "gcp", "bel", "loe", "sor", "qoe", "lor", "cor", "ungraded", "practice", "point", "best", "statement", "option",
        "standard", "certainty", "net", "benefit", "rating", "quality-of-evidence", "high-quality", "moderate-quality",
        "low-quality", "very-low-quality", "evidence-based", "consensus-based", "in", "favor", "favour", "recommended",
    };

    // The words that make a bracket a grade by themselves; a bare code ("B", "IIa", "1C") counts only at a sentence's end.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "level", "levels", "grade", "graded", "class", "evidence", "recommendation", "strength", "quality", "strong", "weak",
        "conditional", "gpp", "gcp", "bel", "loe", "sor", "qoe", "lor", "cor", "consensus", "high-quality",
        "moderate-quality", "low-quality", "very-low-quality", "quality-of-evidence", "evidence-based", "consensus-based",
    };

    /// <summary>The grade written in a guideline's passage (the last one, as written, without its brackets), or null.</summary>
    public static string? Find(Document document, string passage) =>
        document.EvidenceLevel == EvidenceLevel.Guideline ? Find(passage) : null;

    /// <summary>The grade written in <paramref name="passage"/> (the last one, as written, without its brackets), or null.</summary>
    public static string? Find(string passage)
    {
        if (TableRating().Match(passage) is { Success: true } rating)
        {
            return $"Rating {rating.Groups[1].Value}";
        }

        string? found = null;
        foreach (Match bracket in Bracket().Matches(passage))
        {
            var content = bracket.Groups[1].Value.Trim();
            var atEnd = passage.AsSpan(bracket.Index + bracket.Length).Trim().TrimStart(".;,:").IsEmpty;
            if (IsGrade(content, atEnd))
            {
                found = content;
            }
        }

        return found;
    }

    /// <summary>
    /// For a row of an appropriateness table (the ACR's "Rating: 1"–"Rating: 9"), whether its procedure is rated usually
    /// appropriate (7–9, as the ACR's rating scheme defines it); null for any other passage.
    /// </summary>
    public static bool? Appropriate(Document document, string passage) =>
        document.EvidenceLevel == EvidenceLevel.Guideline ? Appropriate(passage) : null;

    /// <summary>For a table row of an appropriateness rating, whether it is rated usually appropriate (7–9); else null.</summary>
    public static bool? Appropriate(string passage) =>
        TableRating().Match(passage) is { Success: true } rating ? rating.Groups[1].Value[0] >= '7' : null;

    private static bool IsGrade(string content, bool atEnd)
    {
        // A description of the scheme is no grade: "(the strength of the recommendation)", "(Class I-IV)", "(A-C)",
        // "(strong, weak)".
        if (content.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || Range().IsMatch(content)
            || (content.Contains("strong", StringComparison.OrdinalIgnoreCase) && content.Contains("weak", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var tokens = Separators().Split(content).Where(t => t.Length > 0).ToList();
        if (tokens.Count is 0 or > 12)
        {
            return false;
        }

        var keyword = false;
        foreach (var token in tokens)
        {
            if (Keywords.Contains(token))
            {
                keyword = true;
            }
            else if (!Words.Contains(token) && !Code().IsMatch(token))
            {
                return false;
            }
        }

        // A bare code is a grade at the end of a sentence ("… should be offered (B)."), never a lone number ("(2)").
        return keyword || (atEnd && tokens.Any(t => !Digits().IsMatch(t)));
    }

    // A round or square bracket without brackets inside.
    [GeneratedRegex(@"[\(\[]([^\(\)\[\]]{1,100})[\)\]]")]
    private static partial Regex Bracket();

    // What separates the parts of a grade: "Grade 1C; Level A", "II-2B", "Level of Evidence = IV", "A/B".
    [GeneratedRegex(@"[\s,;:=/–—]+|(?<=[A-Za-z0-9])-(?=[A-Za-z0-9]{1,3}\b)")]
    private static partial Regex Separators();

    // A grade's code: a letter A–D or U ("B", "C+"), a Roman numeral with an optional letter ("IIa", "III"), a digit or
    // two with an optional letter or pluses ("1C", "2b", "1++"); never a year.
    [GeneratedRegex(@"^(?:[A-DU][+-]?|[IV]{1,4}[abcABC]?|\d{1,2}[a-dA-D]?[+-]{0,2})$")]
    private static partial Regex Code();

    // A range of grades: "I-IV", "A–C".
    [GeneratedRegex(@"\b(?:[A-D]\s*[-–]\s*[A-D]|[IV]{1,4}\s*[-–]\s*[IV]{1,4})\b")]
    private static partial Regex Range();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    // An appropriateness table's row as the guideline reader writes it: "CT head; Rating: 9; Comments: …".
    [GeneratedRegex(@"(?:^|; )Rating: ([1-9])(?:;|$)")]
    private static partial Regex TableRating();
}
