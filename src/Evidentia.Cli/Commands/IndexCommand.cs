using System.CommandLine;
using Evidentia.Cli.Rendering;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia index [--rebuild]</c></summary>
public static class IndexCommand
{
    public static Command Create()
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild the index from the store instead of applying pending changes." };
        var noVectors = new Option<bool>("--no-vectors") { Description = "Do not encode the sentence vectors that search by meaning needs (answers then search by words alone)." };
        var command = new Command(
            "index",
            "Bring the search index up to the document store (it is derived from it and can always be rebuilt), then encode the sentence vectors it lacks.")
        {
            rebuild, noVectors,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken);
            var applied = await WorkspaceLoader.SyncAsync(workspace, result.GetValue(rebuild), cancellationToken);
            Consoles.Out.MarkupLineInterpolated(
                $"Index: [bold]{workspace.Index.Count:N0}[/] documents at store sequence {workspace.Index.CommittedSequence:N0} ({applied:N0} applied).");
            if (!result.GetValue(noVectors))
            {
                var encoded = await ProgressBars.RunAsync(ctx => Task.Run(() => workspace.BuildVectors(ProgressBars.Counted(ctx, "Encoding sentence vectors"), cancellationToken), cancellationToken));
                var (covered, total) = workspace.Searcher.DenseCoverage();
                Consoles.Out.MarkupLineInterpolated($"Sentence vectors ({workspace.Dense.Model}): [bold]{covered:N0}[/] of {total:N0} citable documents ({encoded:N0} encoded now).");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
