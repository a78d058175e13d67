using Evidentia.Bench;
using Evidentia.Cli;
using Evidentia.Core;
using Evidentia.Core.Documents;
using Evidentia.Ingestion;
using Evidentia.Search.Evaluation;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Bench;

/// <summary>
/// The scale benchmark's harness (issue 26) at 10,000 passages: a test of the generator and the latency harness, not of
/// speed (bench/scale.sh measures that, at 100,000 passages and more).
/// </summary>
public sealed class ScaleHarnessTests
{
    private const int Passages = 10_000;

    [SharedDataFact]
    public async Task Ten_Thousand_Generated_Passages_Should_Be_Deterministic_Ingest_Whole_And_Be_Timed()
    {
        var shared = SharedData.Folder!;
        var corpus = ScaleCorpus.Learn(shared);
        using var folder = new TempFolder();
        var (citations, passages) = corpus.Write(folder.Combine("a"), Passages, seed: 7);
        var again = corpus.Write(folder.Combine("b"), Passages, seed: 7);
        var other = corpus.Write(folder.Combine("c"), Passages, seed: 8);

        // The same seed writes the same bytes; another seed other citations.
        Assert.Equal((citations, passages), again);
        var files = Directory.GetFiles(folder.Combine("a")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(folder.Combine("b")).Select(Path.GetFileName).Order().ToList());
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(folder.Combine($"a/{f}")), File.ReadAllBytes(folder.Combine($"b/{f}"))));
        Assert.NotEqual(File.ReadAllBytes(folder.Combine($"a/{files[0]}")), File.ReadAllBytes(folder.Combine($"c/{files[0]}")));
        Assert.NotEqual(citations, other.Citations);

        // As many passages as asked (the last citation may run over by its own length), every citation read and indexed.
        Assert.InRange(passages, Passages, Passages + 500);
        var data = new DataFolder(folder.Combine("data"));
        await using (var workspace = await Workspace.OpenAsync(data, CancellationToken.None))
        {
            var report = await new Ingestor(workspace.Store).IngestAsync([folder.Combine("a")], null, null, null, CancellationToken.None);
            Assert.Equal(0, report.ProblemCount);
            Assert.Equal(citations, report.DocumentsRead);
            Assert.Equal(passages, report.Passages);
            Assert.Equal(citations, await workspace.Store.GetLastSequenceAsync(CancellationToken.None));
            await workspace.SyncIndexAsync(rebuild: false, null, CancellationToken.None);

            // Guideline-shaped citations are guidelines, each recommendation carrying a grade; the rest are research.
            var documents = await workspace.Store.GetAsync(
                Enumerable.Range(0, citations).Select(i => new DocumentKey("pubmed", (ScaleCorpus.FirstPmid + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                CancellationToken.None);
            var guidelines = documents.Where(d => d.EvidenceLevel == EvidenceLevel.Guideline).ToList();
            Assert.InRange(guidelines.Count, citations / 50, citations / 4);
            Assert.All(guidelines, g => Assert.Contains(g.Passages, p => RecommendationGrades.Find(g, g.Quote(p.Span)) is not null));
            Assert.All(documents, d => Assert.Equal(ScaleCorpus.Journal, d.Source));
        }

        var questions = DevQuestions.Read(shared).Select(q => q.Text).Take(12).ToList();
        var figures = await ScaleLatency.MeasureAsync(data.Path, questions, CancellationToken.None);

        Assert.Equal(questions.Count, figures.Questions);
        Assert.True(figures.SearchP50 > 0 && figures.SearchP50 <= figures.SearchP95 && figures.SearchP95 <= figures.SearchP99, figures.ToString());
        Assert.True(figures.AskP50 > 0 && figures.AskP50 <= figures.AskP95 && figures.AskP95 <= figures.AskP99, figures.ToString());
    }

    [Fact]
    public void Percentiles_Should_Be_The_Nearest_Rank()
    {
        double[] values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

        Assert.Equal(5, ScaleLatency.Percentile(values, 50));
        Assert.Equal(10, ScaleLatency.Percentile(values, 95));
        Assert.Equal(1, ScaleLatency.Percentile(values, 1));
        Assert.Equal(0, ScaleLatency.Percentile([], 50));
    }
}
