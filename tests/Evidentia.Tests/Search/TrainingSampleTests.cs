using Evidentia.Core.Documents;
using Evidentia.Search.Indexing;

namespace Evidentia.Tests.Search;

public class TrainingSampleTests
{
    private static DocumentKey Key(int i) => new("demo", $"d{i}");

    private static string[] Words(int i, int count) => Enumerable.Range(0, count).Select(k => $"w{(i + k) % 50}").ToArray();

    [Fact]
    public void Should_Hold_A_Corpus_Within_Its_Budget_Whole_In_Feed_Order()
    {
        var sample = new TrainingSample(budget: 1_000);
        for (var i = 0; i < 10; i++)
        {
            sample.Set(Key(i), Words(i, 20));
        }

        Assert.Equal(200, sample.Terms);
        Assert.Equal(0, sample.Dropped);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => Words(i, 20)), sample.Documents.Select(d => d.ToArray()));
    }

    [Fact]
    public void Should_Keep_Within_Its_Budget_And_Take_The_Same_Documents_In_Any_Order()
    {
        var forward = new TrainingSample(budget: 500);
        var backward = new TrainingSample(budget: 500);
        for (var i = 0; i < 100; i++)
        {
            forward.Set(Key(i), Words(i, 20));
            backward.Set(Key(99 - i), Words(99 - i, 20));
        }

        Assert.InRange(forward.Terms, 1, 500);
        Assert.Equal(100, (forward.Terms / 20) + forward.Dropped);
        Assert.Equal(
            forward.Documents.Select(d => string.Join(' ', d)).Order(StringComparer.Ordinal),
            backward.Documents.Select(d => string.Join(' ', d)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Take_A_Document_By_Its_Opening_And_Forget_What_Is_Removed_Or_Replaced()
    {
        var sample = new TrainingSample(budget: 10_000);
        sample.Set(Key(1), Words(1, WordVectors.MaxTermsPerDocument + 100));
        sample.Set(Key(2), Words(2, 10));
        sample.Set(Key(2), Words(3, 5));
        sample.Set(Key(4), Words(4, 7));
        sample.Remove(Key(4));

        Assert.Equal(WordVectors.MaxTermsPerDocument + 5, sample.Terms);
        Assert.Equal([WordVectors.MaxTermsPerDocument, 5], sample.Documents.Select(d => d.Count));
    }
}
