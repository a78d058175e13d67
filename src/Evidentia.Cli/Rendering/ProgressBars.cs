using Evidentia.Core;
using Evidentia.Ingestion;
using Spectre.Console;

namespace Evidentia.Cli.Rendering;

/// <summary>Progress bars for ingest and index (on standard error).</summary>
public static class ProgressBars
{
    public static Task<T> RunAsync<T>(Func<ProgressContext, Task<T>> work) =>
        Consoles.Error.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(work);

    /// <summary>A bar that follows a count of done of total: the change feed applied to the index, the sentence vectors encoded.</summary>
    public static IProgress<(long Done, long Total)> Counted(ProgressContext context, string label)
    {
        var task = context.AddTask(label, maxValue: 1);
        return new SynchronousProgress<(long Done, long Total)>(p =>
        {
            task.MaxValue = Math.Max(1, p.Total);
            task.Value = p.Done;
        });
    }

    /// <summary>A bar that follows bytes read of the files being ingested.</summary>
    public static IProgress<IngestProgress> Ingest(ProgressContext context)
    {
        var task = context.AddTask("Reading", maxValue: 1);
        return new SynchronousProgress<IngestProgress>(p =>
        {
            task.MaxValue = Math.Max(1, p.BytesTotal);
            task.Value = p.BytesRead;
            task.Description = $"Reading {Markup.Escape(p.File)} ({p.Documents:N0} documents)";
        });
    }
}
