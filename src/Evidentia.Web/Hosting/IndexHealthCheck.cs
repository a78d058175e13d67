using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Evidentia.Web.Hosting;

/// <summary>
/// Healthy when the index has applied every change of the store; degraded while it lags behind. Either way it says how
/// many citable documents have their sentence vector: until all do, answers search by words alone.
/// </summary>
public sealed class IndexHealthCheck(IDocumentStore store, SearchIndex index, DocumentSearcher searcher) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = await store.GetLastSequenceAsync(cancellationToken);
        var (encoded, total) = searcher.DenseCoverage();
        var data = new Dictionary<string, object>
        {
            ["storeSequence"] = last, ["indexSequence"] = index.CommittedSequence, ["vectorsEncoded"] = encoded, ["vectorsTotal"] = total,
        };
        var vectors = encoded == total && total > 0 ? "search by meaning and words" : $"sentence vectors {encoded} of {total}: search by words alone";
        return index.CommittedSequence == last
            ? HealthCheckResult.Healthy($"index up to date; {vectors}", data)
            : HealthCheckResult.Degraded($"index at {index.CommittedSequence} of {last}; {vectors}", data: data);
    }
}
