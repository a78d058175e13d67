using Evidentia.Core.Articles;
using Evidentia.Core.Documents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Evidentia.Web.Reviewing;

/// <summary>
/// Runs the living-answers check when the web product starts and whenever the store has moved on since the last
/// check (polled every <see cref="Interval"/>): approved articles whose cited documents changed go back to review.
/// </summary>
public sealed partial class LivingArticlesService(LivingArticles living, IDocumentStore store, ILogger<LivingArticlesService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkedAt = -1L;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var sequence = await store.GetLastSequenceAsync(stoppingToken);
                if (sequence != checkedAt)
                {
                    var sent = await living.CheckAsync(stoppingToken);
                    checkedAt = sequence;
                    if (sent.Count > 0)
                    {
                        SentBack(logger, sent.Count);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                CheckFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Count} approved articles went back to review: a cited source changed")]
    private static partial void SentBack(ILogger logger, int count);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "The living-answers check failed")]
    private static partial void CheckFailed(ILogger logger, Exception exception);
}
