using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Evidentia.Web.Hosting;

/// <summary>Healthy when the index has applied every change of the store; degraded while it lags behind.</summary>
public sealed class IndexHealthCheck(IDocumentStore store, SearchIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = await store.GetLastSequenceAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["storeSequence"] = last, ["indexSequence"] = index.CommittedSequence };
        return index.CommittedSequence == last
            ? HealthCheckResult.Healthy("index up to date", data)
            : HealthCheckResult.Degraded($"index at {index.CommittedSequence} of {last}", data: data);
    }
}
