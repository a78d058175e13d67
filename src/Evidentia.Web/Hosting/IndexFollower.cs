using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Evidentia.Web.Hosting;

/// <summary>
/// Keeps this node's index replica up to the shared store: at start, then every <see cref="WebOptions.SyncIntervalMs"/>,
/// it applies the change feed past the index's last commit. With the embedded store (one process) it finds nothing
/// to do; with PostgreSQL it is how a document ingested through one node becomes searchable on the others.
/// </summary>
public sealed partial class IndexFollower(IDocumentStore store, SearchIndex index, IOptions<WebOptions> options, ILogger<IndexFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SyncIntervalMs));
        do
        {
            try
            {
                if (await store.GetLastSequenceAsync(stoppingToken) != index.CommittedSequence)
                {
                    var applied = await IndexSynchronizer.SyncAsync(store, index, rebuild: false, null, stoppingToken);
                    Synced(logger, applied, index.CommittedSequence);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SyncFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Index replica applied {Count} changes; now at sequence {Sequence}")]
    private static partial void Synced(ILogger logger, int count, long sequence);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "Following the change feed failed; retrying")]
    private static partial void SyncFailed(ILogger logger, Exception exception);
}
