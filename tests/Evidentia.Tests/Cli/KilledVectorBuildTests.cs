using System.Diagnostics;
using System.Text.RegularExpressions;
using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Core.Documents;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Cli;

/// <summary>
/// A process killed (SIGKILL) while it encodes sentence vectors loses nothing already written: the next
/// <c>evidentia index</c> encodes only what is missing, and every document ends with its vector.
/// </summary>
public sealed partial class KilledVectorBuildTests : IDisposable
{
    private const int Documents = 3_000;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_Resume_Encoding_Where_A_Killed_Build_Stopped()
    {
        var data = _folder.Combine("data");
        await using (var workspace = await Workspace.OpenAsync(new DataFolder(data), CancellationToken.None))
        {
            // Placeholder documents: distinct titles to encode, not evidence.
            var documents = Enumerable.Range(0, Documents)
                .Select(i => Document.Create(new DocumentKey("synthetic", $"d{i}"), $"Synthetic placeholder document number {i}", [new SourceSection("", $"Placeholder text {i}.")]))
                .ToList();
            await workspace.Store.UpsertAsync(documents, CancellationToken.None);
            await workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
        }

        var vectors = Path.Combine(data, "index", "dense-arctic-embed-xs.vec");
        using (var process = Process.Start(CliProcess.StartInfo("--data", data, "index"))!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Killed once the first chunk is on disk, long before the last.
            for (var waited = 0; waited < 60_000 && (!File.Exists(vectors) || new FileInfo(vectors).Length == 0); waited += 50)
            {
                await Task.Delay(50);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        const int record = 16 + (384 * sizeof(float));
        int before;
        await using (var workspace = await Workspace.OpenAsync(new DataFolder(data), CancellationToken.None))
        {
            (before, var total) = workspace.Searcher.DenseCoverage();
            Assert.Equal(Documents, total);
            Assert.InRange(before, 1, Documents - 1);
            Assert.Equal(0, new FileInfo(vectors).Length % record);
        }

        var rerun = await CliProcess.RunAsync("--data", data, "index");
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        var said = EncodedNow().Match(rerun.Out);
        Assert.True(said.Success, rerun.Out);
        var encodedNow = int.Parse(said.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Documents - before, encodedNow);
        await using var after = await Workspace.OpenAsync(new DataFolder(data), CancellationToken.None);
        Assert.Equal((Documents, Documents), after.Searcher.DenseCoverage());
        Assert.Equal((long)Documents * record, new FileInfo(vectors).Length);
    }

    [GeneratedRegex(@"\(([\d,]+)\s+encoded\s+now\)")]
    private static partial Regex EncodedNow();
}
