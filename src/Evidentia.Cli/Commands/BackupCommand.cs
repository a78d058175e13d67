using System.CommandLine;
using Evidentia.Cli.Rendering;
using Evidentia.Storage.Sqlite;
using Spectre.Console;

namespace Evidentia.Cli.Commands;

/// <summary><c>evidentia backup FILE</c>: a consistent copy of the data folder's database.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup (a new file)." };
        var command = new Command("backup", "Back up the store, articles, accounts and audit trail (SQLite's online backup). The index is rebuilt on restore.\n\nExample:\n  evidentia backup /backups/evidentia-2026-11-24.db")
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
            if (!File.Exists(folder.DatabasePath))
            {
                throw new FileNotFoundException($"There is no database in {folder.Path} to back up.");
            }

            await using var workspace = await Workspace.OpenAsync(folder, cancellationToken, beside: true);
            var destination = Path.GetFullPath(result.GetValue(file)!);
            try
            {
                await SqliteBackup.BackupAsync(folder.DatabasePath, destination, cancellationToken);
            }
            catch (IOException e) when (File.Exists(destination))
            {
                throw new ArgumentException(e.Message, e);
            }

            Consoles.Out.MarkupLineInterpolated($"Backed up {folder.DatabasePath} to [bold]{destination}[/] ({new FileInfo(destination).Length / 1024.0 / 1024.0:F1} MB).");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
