using System.Globalization;
using System.Text;
using Evidentia.Core.Documents;

namespace Evidentia.Core.Answers;

/// <summary>
/// An answer as plain text, everything but timings: the form golden files hold, so that any change in
/// composition shows up as a text diff.
/// </summary>
public static class AnswerText
{
    /// <param name="today">The day guidelines' ages are counted to (<see cref="GuidelineAttribution.AgeNote"/>); today by default.</param>
    public static string Render(Answer answer, DateOnly? today = null)
    {
        var day = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        string Item(AnswerItem item) =>
            $"{item.Text} [{string.Join(",", item.Citations)}]{(GuidelineAttribution.For(item, answer.References) is { } by ? $" ({by})" : "")}";

        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(answer.Question);
        sb.AppendLine(CultureInfo.InvariantCulture, $"id: {answer.Id} · audience: {answer.Audience.ToString().ToLowerInvariant()} · type: {answer.QuestionType} · focus: {answer.Focus ?? "-"}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"outcome: {answer.Outcome}{(answer.Reason is null ? "" : " — " + answer.Reason)}");
        if (answer.Relevance is { } relevance)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"relevance: {relevance:F4}");
        }

        if (answer.BottomLine.Count > 0)
        {
            sb.AppendLine().AppendLine("## Bottom line");
            foreach (var item in answer.BottomLine)
            {
                sb.AppendLine(Item(item));
            }
        }

        foreach (var section in answer.Sections)
        {
            sb.AppendLine().Append("## ").AppendLine(section.Heading);
            foreach (var (item, i) in section.Items.Select((item, i) => (item, i)))
            {
                sb.Append(section.Heading == SectionPlans.AlgorithmHeading ? $"{i + 1}. " : "- ").AppendLine(Item(item));
            }
        }

        if (answer.ReviewerNote is { } note)
        {
            sb.AppendLine().AppendLine("## Reviewer's note").AppendLine(note);
        }

        if (answer.References.Count > 0)
        {
            sb.AppendLine().AppendLine("## References");
            foreach (var reference in answer.ReferencesByNumber)
            {
                var r = reference.First();
                sb.AppendLine(CultureInfo.InvariantCulture, $"{r.N}. [{r.EvidenceLevel.Label()}] {r.Title} — {r.Source ?? "-"}, {r.Year?.ToString(CultureInfo.InvariantCulture) ?? "n.d."} ({string.Join(", ", reference.Select(d => $"{d.Collection}/{d.DocumentId}"))}){(GuidelineAttribution.AgeNote(r, day) is { } age ? " — " + age : "")}");
            }

            sb.AppendLine().AppendLine("## Quotes");
            foreach (var q in answer.AllItems.SelectMany(i => i.Quotes).DistinctBy(q => (q.N, q.Collection, q.DocumentId, q.Start)).OrderBy(q => q.N).ThenBy(q => q.DocumentId, StringComparer.Ordinal).ThenBy(q => q.Start))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"[{q.N}] {q.DocumentId} {q.Start}-{q.End}{(q.Grade is { } grade ? $" ({grade})" : "")}");
            }
        }

        if (answer.RelatedQuestions.Count > 0)
        {
            sb.AppendLine().AppendLine("## Related questions");
            foreach (var q in answer.RelatedQuestions)
            {
                sb.Append("- ").AppendLine(q.Text);
            }
        }

        if (answer.FollowUps.Count > 0)
        {
            sb.AppendLine().AppendLine("## Follow-up questions");
            foreach (var q in answer.FollowUps)
            {
                sb.Append("- ").AppendLine(q);
            }
        }

        return sb.ToString();
    }
}
