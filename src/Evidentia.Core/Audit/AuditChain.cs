using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Evidentia.Core.Audit;

/// <summary>The hash chain of the audit trail: how an entry's hash is computed and how a trail is verified.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 over the fields, each length-prefixed so no two entries serialise alike.</summary>
    public static string Hash(long sequence, DateTimeOffset utc, string actor, string action, string subject, string details, string previousHash)
    {
        var sb = new StringBuilder();
        foreach (var field in new[] { sequence.ToString(CultureInfo.InvariantCulture), utc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), actor, action, subject, details, previousHash })
        {
            sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>
    /// Everything <c>audit verify</c> and the audit page check: the chain, its signed head, and that every article's
    /// review status is what the trail says.
    /// </summary>
    public static async Task<AuditVerification> VerifyAllAsync(IAuditLog audit, Articles.IArticleStore articles, CancellationToken cancellationToken)
    {
        var entries = await audit.ReadAllAsync(cancellationToken);
        var statuses = await articles.StatusesAsync(cancellationToken);
        return new AuditVerification(entries, statuses.Count,
            [.. Verify(entries), .. await audit.VerifyHeadAsync(entries, cancellationToken), .. VerifyStatuses(entries, statuses)]);
    }

    /// <summary>The problems of a trail read in sequence order: a changed entry, a removed one (a gap), or a broken link.</summary>
    public static IReadOnlyList<string> Verify(IEnumerable<AuditEntry> entries)
    {
        var problems = new List<string>();
        var previous = Genesis;
        var expected = 1L;
        foreach (var e in entries)
        {
            if (e.Sequence != expected)
            {
                problems.Add(e.Sequence > expected
                    ? $"entries {expected}–{e.Sequence - 1} are missing (removed)"
                    : $"entry {e.Sequence} is out of order");
            }

            if (e.PreviousHash != previous)
            {
                problems.Add($"entry {e.Sequence} does not link to the entry before it");
            }

            if (Hash(e.Sequence, e.Utc, e.Actor, e.Action, e.Subject, e.Details, e.PreviousHash) != e.Hash)
            {
                problems.Add($"entry {e.Sequence} was changed (its hash does not match its content)");
            }

            previous = e.Hash;
            expected = e.Sequence + 1;
        }

        return problems;
    }

    /// <summary>
    /// The problems of the trail's head: missing while there are entries, not signed by <paramref name="key"/>, or not
    /// the trail's count and last hash (entries removed from the end, the whole trail deleted, the chain rewritten and
    /// recomputed, or an entry appended by someone without the key).
    /// </summary>
    public static IReadOnlyList<string> VerifyHead(IReadOnlyList<AuditEntry> entries, AuditHead? head, ReadOnlySpan<byte> key)
    {
        var (count, hash) = entries.Count == 0 ? (0L, Genesis) : (entries[^1].Sequence, entries[^1].Hash);
        if (head is null)
        {
            return count == 0 ? [] : ["the trail has no signed head (it was removed, or no entry was added since heads were kept)"];
        }

        if (!head.IsSignedBy(key))
        {
            return ["the trail's head is not signed with this installation's audit key (forged, or the keys folder is not the one it was written with)"];
        }

        if (head.Count != count)
        {
            return [head.Count > count
                ? $"the signed head counts {head.Count} entries and the trail has {count}: entries were removed"
                : $"the signed head counts {head.Count} entries and the trail has {count}: entries were added without the audit key"];
        }

        return head.Hash == hash ? [] : ["the trail's last hash is not the one its head signed: the trail was rewritten"];
    }

    /// <summary>
    /// Articles whose review status is not what their audit entries say (the <c>to</c> of the last entry about the
    /// article; Submitted when there is none): a status changed behind the review workflow.
    /// </summary>
    public static IReadOnlyList<string> VerifyStatuses(IEnumerable<AuditEntry> entries, IEnumerable<(string Id, Articles.ReviewStatus Status)> articles)
    {
        var audited = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            // Subjects of article entries: "article {id} v{version}"; details: {"from": …, "to": …, …}.
            var v = e.Subject.LastIndexOf(" v", StringComparison.Ordinal);
            if (!e.Subject.StartsWith("article ", StringComparison.Ordinal) || v < 8)
            {
                continue;
            }

            try
            {
                using var details = System.Text.Json.JsonDocument.Parse(e.Details);
                if (details.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && details.RootElement.TryGetProperty("to", out var to) && to.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    audited[e.Subject[8..v]] = to.GetString()!;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A changed entry is reported by the chain.
            }
        }

        return articles
            .Select(a => (a.Id, a.Status, Audited: audited.GetValueOrDefault(a.Id, nameof(Articles.ReviewStatus.Submitted))))
            .Where(a => a.Status.ToString() != a.Audited)
            .Select(a => $"article {a.Id} is {a.Status} but its audit trail says {a.Audited}: its status was changed outside the review workflow")
            .ToList();
    }
}

/// <summary>What <see cref="AuditChain.VerifyAllAsync"/> read and found.</summary>
public sealed record AuditVerification(IReadOnlyList<AuditEntry> Entries, int Articles, IReadOnlyList<string> Problems);
