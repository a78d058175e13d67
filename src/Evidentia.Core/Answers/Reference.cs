using Evidentia.Core.Documents;

namespace Evidentia.Core.Answers;

/// <summary>A numbered reference, numbered in order of first use.</summary>
public sealed record Reference(
    int N, string DocumentId, string Collection, string Title, string? Source, int? Year, EvidenceLevel EvidenceLevel, string? Url)
{
    /// <summary>
    /// The source and year joined by <paramref name="separator"/>, each when known; the year left out where a
    /// citation-style source carries it already ("… Guidance 2020. World Allergy Organ J 2020;13 …"). Empty when neither is known.
    /// </summary>
    public string SourceAndYear(string separator)
    {
        var year = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(separator, new[] { Source, year is not null && Source?.Contains(year, StringComparison.Ordinal) == true ? null : year }.Where(s => !string.IsNullOrEmpty(s)));
    }
}
