using System.Globalization;
using Evidentia.Core.Documents;

namespace Evidentia.Core.Answers;

/// <summary>
/// Who recommends what an answer quotes from a guideline, and when: "American Academy of Neurology 2015, Level B",
/// shown beside the quoted sentence; and the words that say a guideline is old. Every renderer (terminal, web page,
/// golden text) says these the same way. They are metadata of the cited source, never clinical text.
/// </summary>
public static class GuidelineAttribution
{
    /// <summary>A guideline this many years old or older is flagged as possibly out of date.</summary>
    public const int AgeYears = 5;

    /// <summary>
    /// "Developer Year, grade" of the first guideline an item quotes, or null when it quotes none. A grade written
    /// as a bare code ("B", "1C") is shown as "grade B".
    /// </summary>
    public static string? For(AnswerItem item, IEnumerable<Reference> references)
    {
        var byDocument = references.Where(r => r.EvidenceLevel == EvidenceLevel.Guideline)
            .ToDictionary(r => (r.Collection, r.DocumentId));
        foreach (var quote in item.Quotes)
        {
            if (byDocument.TryGetValue((quote.Collection, quote.DocumentId), out var reference))
            {
                var who = reference.SourceAndYear(" ");
                var grade = item.Quotes.Where(q => q.DocumentId == quote.DocumentId && q.Collection == quote.Collection).Select(q => q.Grade).FirstOrDefault(g => g is not null);
                var parts = new[] { who, Grade(grade) }.Where(s => !string.IsNullOrEmpty(s)).ToList();
                return parts.Count == 0 ? null : string.Join(", ", parts);
            }
        }

        return null;
    }

    /// <summary>A grade as shown: as written, or "grade B" for a bare code.</summary>
    public static string? Grade(string? grade) =>
        grade is null ? null : grade.Any(c => char.IsLower(c)) || grade.Contains(' ', StringComparison.Ordinal) ? grade : $"grade {grade}";

    /// <summary>
    /// "Guideline of 2012, 14 years old: check whether it has been updated or withdrawn." for a guideline
    /// <see cref="AgeYears"/> or more years old on <paramref name="today"/>, else null.
    /// </summary>
    public static string? AgeNote(Reference reference, DateOnly today) =>
        reference.EvidenceLevel == EvidenceLevel.Guideline && reference.Year is { } year && today.Year - year >= AgeYears
            ? string.Create(CultureInfo.InvariantCulture, $"Guideline of {year}, {today.Year - year} years old: check whether it has been updated or withdrawn.")
            : null;
}
