using System.Text.Json;
using Evidentia.Core.Audit;
using Evidentia.Core.Documents;

namespace Evidentia.Core.Articles;

/// <summary>
/// Living answers: an approved article whose cited document changed (another content hash) or disappeared from
/// the store goes back to <see cref="ReviewStatus.UnderReview"/>, saying which source and why, and the audit trail
/// records it.
/// </summary>
public sealed class LivingArticles(IArticleStore articles, IDocumentStore store, IAuditLog audit)
{
    public const string Actor = "evidentia";

    /// <summary>Checks every approved article; returns the ids sent back to review.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        foreach (var (id, version, evidence) in await articles.ApprovedEvidenceAsync(cancellationToken))
        {
            var current = (await store.GetAsync(evidence.Select(e => new DocumentKey(e.Collection, e.Id)).ToList(), cancellationToken))
                .ToDictionary(d => (d.Collection, d.Id), d => d.ContentHash);
            var reasons = evidence
                .Select(e => current.TryGetValue((e.Collection, e.Id), out var hash)
                    ? hash == e.ContentHash ? null : $"the cited source {e.Collection}/{e.Id} changed"
                    : $"the cited source {e.Collection}/{e.Id} is no longer in the library")
                .OfType<string>()
                .ToList();
            if (reasons.Count == 0)
            {
                continue;
            }

            var reason = "Back in review: " + string.Join("; ", reasons) + ".";
            if (await articles.SetStatusAsync(id, ReviewStatus.Approved, version, ReviewStatus.UnderReview, reason, null, cancellationToken) is not null)
            {
                await audit.AppendAsync(Actor, "LivingRecheck", $"article {id} v{version}",
                    JsonSerializer.Serialize(new { from = nameof(ReviewStatus.Approved), to = nameof(ReviewStatus.UnderReview), reason }), cancellationToken);
                sent.Add(id);
            }
        }

        return sent;
    }
}
