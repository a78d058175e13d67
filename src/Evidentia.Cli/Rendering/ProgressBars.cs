using Evidentia.Core;
using Evidentia.Ingestion;
using Evidentia.Search.Indexing;
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

    /// <summary>A bar that follows texts encoded of the sentence vectors missing.</summary>
    public static IProgress<(long Done, long Total)> Vectors(ProgressContext context)
    {
        var task = context.AddTask("Encoding sentence vectors", maxValue: 1);
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

    /// <summary>
    /// A bar for each stage of an index sync, added as it starts: reading the store and learning word vectors (a build
    /// from the whole store), then applying the change feed (<paramref name="label"/>).
    /// </summary>
    public static IProgress<IndexProgress> Index(ProgressContext context, string label)
    {
        var tasks = new Dictionary<IndexStage, ProgressTask>();
        return new SynchronousProgress<IndexProgress>(p =>
        {
            if (!tasks.TryGetValue(p.Stage, out var task))
            {
                tasks[p.Stage] = task = context.AddTask(p.Stage switch
                {
                    IndexStage.Reading => "Reading the store",
                    IndexStage.Learning => "Learning word vectors",
                    _ => label,
                }, maxValue: 1);
            }

            task.MaxValue = Math.Max(1, p.Total);
            task.Value = p.Done;
        });
    }
}
