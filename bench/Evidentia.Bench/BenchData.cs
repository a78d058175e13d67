using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Core.Answers;
using Evidentia.Ingestion;
using Evidentia.Search.Evaluation;

namespace Evidentia.Bench;

/// <summary>
/// The data the benchmarks run on: every corpus of <c>../shared/data</c> ingested into one data folder
/// (reused between runs when <c>EVIDENTIA_BENCH_DATA</c> names one), and the dev questions as queries.
/// </summary>
public static class BenchData
{
    public static string SharedData =>
        DefaultCorpus.FindSharedData() ?? throw new InvalidOperationException("../shared/data is missing: the benchmarks run on the real corpora.");

    /// <summary>
    /// Opens a workspace holding every shared corpus, ingesting it first when the folder is new; with
    /// <paramref name="vectors"/> (unless <c>EVIDENTIA_BENCH_LEXICAL</c> is set), its sentence vectors are built too (as
    /// <c>evidentia index</c> does), so that it searches as the product does once they are; without, by words alone.
    /// </summary>
    public static async Task<Workspace> OpenCorpusAsync(bool vectors = true)
    {
        vectors &= Environment.GetEnvironmentVariable("EVIDENTIA_BENCH_LEXICAL") is null;
        var path = Environment.GetEnvironmentVariable("EVIDENTIA_BENCH_DATA") ?? Path.Combine(Path.GetTempPath(), "evidentia-bench-data");
        var workspace = await Workspace.OpenAsync(new DataFolder(path), CancellationToken.None);
        if (await workspace.Store.GetLastSequenceAsync(CancellationToken.None) == 0)
        {
            await new Ingestor(workspace.Store).IngestAsync([SharedData], null, null, null, CancellationToken.None);
        }

        await workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);
        if (vectors)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var encoded = workspace.BuildVectors(null, CancellationToken.None);
            Console.Error.WriteLine($"Sentence vectors: {encoded} encoded in {clock.Elapsed.TotalSeconds:F1} s.");
        }
        else
        {
            workspace.SearchOptions.Dense = false;
        }

        return workspace;
    }

    /// <summary>Every citable document of the workspace's store, from its change feed.</summary>
    public static async Task<List<Core.Documents.Document>> CitableDocumentsAsync(Workspace workspace)
    {
        var documents = new List<Core.Documents.Document>();
        for (long after = 0; ;)
        {
            var page = await workspace.Store.GetChangesAsync(after, 5000, CancellationToken.None);
            if (page.Count == 0)
            {
                return documents;
            }

            documents.AddRange(page.Where(c => !c.Deleted).Select(c => c.Document).Where(d => d.Citable));
            after = page[^1].Sequence;
        }
    }

    /// <summary>Dev questions of LiveQA-Med (paraphrases), MEDIQA and BioASQ, in a fixed order.</summary>
    public static IReadOnlyList<string> Questions() =>
        DevQuestions.Read(SharedData, bioAsqLimit: 200).Select(q => q.Text).Where(q => q.Length <= QuestionRules.MaxLength).ToList();
}
