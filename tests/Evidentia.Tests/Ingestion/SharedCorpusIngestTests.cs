using Evidentia.Ingestion;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Ingestion;

/// <summary>The real corpora of <c>../shared/data</c> ingest completely, with the counts their READMEs give.</summary>
[Collection(SharedCorpusCollection.Name)]
public class SharedCorpusIngestTests(SharedCorpusFixture corpus)
{
    [SharedDataFact]
    public async Task Should_Ingest_Every_Document_Corpus_With_The_Published_Counts()
    {
        Assert.Empty(corpus.Report!.Problems);
        var stats = (await corpus.Workspace!.Store.GetStatsAsync(CancellationToken.None)).ToDictionary(s => s.Collection);
        // MedQuAD: 47,452 pairs, 16,418 with answer text; PubMedQA: 1,000 abstracts; BioASQ: 13,449 PMIDs;
        // MEDIQA: 3,042 answers of which 1,040 keep their text.
        Assert.Equal((16_418, 31_034), (stats["medquad"].Documents, stats["medquad"].QuestionOnly));
        Assert.Equal(1_000, stats["pubmedqa"].Documents);
        Assert.Equal(13_449, stats["bioasq"].Documents);
        Assert.Equal(1_040, stats["mediqa"].Documents);
        // NGC: 1,416 guideline summaries, every one with its recommendations.
        Assert.Equal(1_416, stats["ngc"].Documents);
        Assert.Equal(2_002, corpus.Report.Skipped.Where(s => s.Key.StartsWith("mediqa answer text withheld", StringComparison.Ordinal)).Sum(s => s.Value));
        Assert.Equal(stats.Values.Sum(s => s.Documents + s.QuestionOnly), corpus.Workspace!.Index.Count);
    }

    [SharedDataFact]
    public async Task Should_Change_Nothing_When_The_Corpora_Are_Ingested_Again()
    {
        var sequence = await corpus.Workspace!.Store.GetLastSequenceAsync(CancellationToken.None);
        var again = await new Ingestor(corpus.Workspace!.Store).IngestAsync([corpus.DataFolder!], null, null, null, CancellationToken.None);
        Assert.Equal((0, 0), (again.Written.Added, again.Written.Replaced));
        Assert.Equal(corpus.Report!.DocumentsRead, again.Written.Unchanged);
        Assert.Equal(sequence, await corpus.Workspace!.Store.GetLastSequenceAsync(CancellationToken.None));
    }
}
