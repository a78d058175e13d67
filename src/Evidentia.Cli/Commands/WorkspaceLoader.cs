using Evidentia.Cli.Rendering;
using Evidentia.Ingestion;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary>
/// Opens a data folder ready to answer: on first use (an empty store) it ingests the default corpus,
/// and it brings the index up to the store, with progress shown on standard error.
/// </summary>
public static class WorkspaceLoader
{
    public static async Task<Workspace> OpenReadyAsync(System.CommandLine.ParseResult result, CancellationToken cancellationToken)
    {
        var folder = GlobalOptions.DataFolder(result);
        var workspace = await GlobalOptions.OpenAsync(result, cancellationToken);
        try
        {
            if (await workspace.Store.GetLastSequenceAsync(cancellationToken) == 0)
            {
                var corpus = DefaultCorpus.Locate();
                Consoles.Error.MarkupLineInterpolated($"[yellow]First use of {folder.Path}:[/] ingesting [bold]{corpus}[/] and building the index.");
                var report = await ProgressBars.RunAsync(ctx =>
                    new Ingestor(workspace.Store).IngestAsync([corpus], null, null, ProgressBars.Ingest(ctx), cancellationToken));
                IngestSummary.Write(Consoles.Error, report, workspace.Folder);
            }

            await SyncAsync(workspace, rebuild: false, cancellationToken);
            return workspace;
        }
        catch
        {
            await workspace.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Applies pending changes to the index with a progress bar when there are any, then sends approved articles
    /// whose cited documents changed back to review (living answers), saying how many.
    /// </summary>
    public static async Task<int> SyncAsync(Workspace workspace, bool rebuild, CancellationToken cancellationToken)
    {
        var last = await workspace.Store.GetLastSequenceAsync(cancellationToken);
        if (!rebuild && workspace.Index.CommittedSequence == last)
        {
            return 0;
        }

        var applied = await ProgressBars.RunAsync(ctx =>
            workspace.SyncIndexAsync(rebuild, ProgressBars.Counted(ctx, rebuild ? "Rebuilding index" : "Indexing"), cancellationToken));
        var sentBack = await workspace.RecheckArticlesAsync(cancellationToken);
        if (sentBack.Count > 0)
        {
            Consoles.Error.MarkupLineInterpolated($"[yellow]{sentBack.Count} approved article(s) went back to review:[/] a document they cite changed.");
        }

        return applied;
    }
}
