using System.Text.RegularExpressions;

namespace Evidentia.Core.Answers;

/// <summary>A term and the indexed sentence that defines it in plain language.</summary>
public sealed record Definition(string Term, ScoredPassage Passage)
{
    /// <summary>
    /// A sentence that says what <paramref name="term"/> is: it opens with the term ("A fever is …", "Prostate cancer (…)
    /// is …", "Infertility means …", "Atrial fibrillation (AF) describes …"), not one that only uses it ("Familial prostate cancer is …").
    /// </summary>
    public static Regex Defines(string term) =>
        new(@"^((a|an|the)\s+)?" + Regex.Escape(term.Trim()).Replace(@"\ ", @"\s+") + @"(\s*\([^)]*\))?,?\s+(is|are|refers to|means|describes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Whether <paramref name="sentence"/> says what a term is (<paramref name="defines"/>, from <see cref="Defines"/>) where a
    /// source says it: among its first three sentences ("COPD is a major cause of death …" further on says something else).
    /// </summary>
    public static bool Says(Regex defines, ScoredPassage sentence) =>
        sentence.Document.Passages.Take(3).Contains(sentence.Passage) && defines.IsMatch(sentence.Text);
}
