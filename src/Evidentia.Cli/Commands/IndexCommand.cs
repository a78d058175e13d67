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
        var command = new Command("index", "Bring the search index up to the document store (it is derived from it and can always be rebuilt).") { rebuild };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            await using var workspace = await GlobalOptions.OpenAsync(result, cancellationToken);
            var applied = await WorkspaceLoader.SyncAsync(workspace, result.GetValue(rebuild), cancellationToken);
            Consoles.Out.MarkupLineInterpolated(
                $"Index: [bold]{workspace.Index.Count:N0}[/] documents at store sequence {workspace.Index.CommittedSequence:N0} ({applied:N0} applied).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
