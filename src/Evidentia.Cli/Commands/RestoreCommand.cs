using System.CommandLine;
using Evidentia.Cli.Rendering;
using Evidentia.Storage.Sqlite;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia restore FILE</c>: replaces the data folder's database with a backup and rebuilds the index.</summary>
public static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A backup written by 'evidentia backup'." };
        var command = new Command("restore", "Replace the data folder's database with a backup, then rebuild the index from it.\n\nExample:\n  evidentia restore /backups/evidentia-2026-11-24.db")
        {
            file,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            if (GlobalOptions.PostgresConnection(result) is not null)
            {
                throw new ArgumentException("With PostgreSQL, back up and restore the database with its own tools (pg_dump, pg_restore); see docs/DEPLOYMENT.md. A node's index is rebuilt from the store.");
            }

            var folder = GlobalOptions.DataFolder(result);
            folder.EnsureExists();
            var documents = 0;
            await using (Workspace.Lock(folder))
            {
                // The index belonged to the old database; it is rebuilt from the restored one before the old one goes.
                await SqliteBackup.RestoreAsync(Path.GetFullPath(result.GetValue(file)!), folder, async ct =>
                {
                    await using var workspace = await Workspace.OpenLockedAsync(folder, null, ct);
                    await WorkspaceLoader.SyncAsync(workspace, rebuild: true, ct);
                    documents = workspace.Index.Count;
                }, cancellationToken);
            }

            Consoles.Out.MarkupLineInterpolated($"Restored [bold]{folder.Path}[/] from the backup; the index was rebuilt ({documents:N0} documents).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
