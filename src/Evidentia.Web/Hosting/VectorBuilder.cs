using System.Diagnostics;
using Evidentia.Search.Retrieval;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Evidentia.Web.Hosting;

/// <summary>
/// Encodes the sentence vectors this node's index lacks, in the background: at start and after each change the
/// <see cref="IndexFollower"/> applies (checked every <see cref="WebOptions.SyncIntervalMs"/>). Answers never wait for
/// it; until every citable document has its vector they search by words alone and say so. Progress, with an estimate
/// of the time left, goes to the log and to <c>/health</c>.
/// </summary>
public sealed partial class VectorBuilder(DocumentSearcher searcher, IOptions<WebOptions> options, ILogger<VectorBuilder> logger) : BackgroundService
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (searcher.Dense is not { } dense || !options.Value.BuildVectors)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SyncIntervalMs));
        do
        {
            try
            {
                if (searcher.DenseCoverage() is var (encoded, total) && encoded < total)
                {
                    var clock = Stopwatch.StartNew();
                    var reported = TimeSpan.Zero;
                    var progress = new Core.SynchronousProgress<(long Done, long Total)>(p =>
                    {
                        if (clock.Elapsed - reported >= ReportEvery && p.Done > 0)
                        {
                            reported = clock.Elapsed;
                            Progress(logger, p.Done, p.Total, clock.Elapsed.TotalSeconds * (p.Total - p.Done) / p.Done);
                        }
                    });
                    var done = await Task.Run(() => searcher.Index.WithSearcher(s => dense.Build(s, progress, stoppingToken)), stoppingToken);
                    Built(logger, done, clock.Elapsed.TotalSeconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                BuildFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Sentence vectors: {Done} of {Total} encoded; about {Seconds:F0} s left")]
    private static partial void Progress(ILogger logger, long done, long total, double seconds);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Sentence vectors: {Count} encoded in {Seconds:F1} s")]
    private static partial void Built(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 122, Level = LogLevel.Error, Message = "Encoding sentence vectors failed; retrying")]
    private static partial void BuildFailed(ILogger logger, Exception exception);
}
