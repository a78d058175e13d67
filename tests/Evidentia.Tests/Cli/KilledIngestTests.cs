using System.Diagnostics;
using System.Text;
using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Evidentia.Tests.Cli;

/// <summary>
/// A process killed (SIGKILL) in the middle of an ingest leaves the store and the index consistent:
/// the file is in the store whole or not at all, and at the next start the index catches up with the store.
/// </summary>
public sealed class KilledIngestTests : IDisposable
{
    private const int Documents = 30_000;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(600)]
    [InlineData(1800)]
    [InlineData(3000)]
    public async Task Should_Leave_Store_And_Index_Consistent_When_Killed(int killAfterMs)
    {
        var file = WriteCorpus();
        var data = _folder.Combine("data");
        using (var process = Process.Start(CliProcess.StartInfo("--data", data, "ingest", file))!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await Task.Delay(killAfterMs);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await using (var workspace = await Workspace.OpenAsync(new DataFolder(data), CancellationToken.None))
        {
            Assert.Equal("ok", IntegrityCheck(workspace.Folder.DatabasePath));
            var stored = (await workspace.Store.GetStatsAsync(CancellationToken.None)).Sum(s => s.Documents);
            Assert.True(stored is 0 or Documents, $"the store holds {stored} documents: a file must be written whole or not at all");

            await workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
            Assert.Equal(stored, workspace.Index.Count);
            Assert.Equal(await workspace.Store.GetLastSequenceAsync(CancellationToken.None), workspace.Index.CommittedSequence);
        }

        var rerun = await CliProcess.RunAsync("--data", data, "ingest", file, "--json");
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        await using var after = await Workspace.OpenAsync(new DataFolder(data), CancellationToken.None);
        Assert.Equal(Documents, after.Index.Count);
        Assert.Single(after.Searcher.Search("marker29999", 10));
    }

    private string WriteCorpus()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Documents; i++)
        {
            sb.Append("{\"id\": \"d").Append(i).Append("\", \"title\": \"Synthetic document ").Append(i)
              .Append("\", \"text\": \"Synthetic test text number marker").Append(i)
              .Append(". It has a second sentence about nothing in particular. And a third one to make it longer.\"}\n");
        }

        return _folder.File("big.jsonl", sb.ToString());
    }

    private static string IntegrityCheck(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }
}
