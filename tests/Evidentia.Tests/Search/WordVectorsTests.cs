using Evidentia.Search.Indexing;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

public class WordVectorsTests
{
    // Documents of two kinds, each in its own words ("pet0" … "pet199", "car0" … "car199"), where "cat" and "dog" stand
    // among the first kind's words and "car" and "truck" among the second's.
    internal static List<IReadOnlyList<string>> Corpus()
    {
        var random = new Random(1);
        string[][] subjects = [["cat", "dog"], ["car", "truck"]];
        string[] kinds = ["pet", "vehicle"];
        var documents = new List<IReadOnlyList<string>>();
        for (var i = 0; i < 2000; i++)
        {
            var kind = i % 2;
            documents.Add(Enumerable.Range(0, 40).Select(k => k % 20 == 0 ? subjects[kind][random.Next(2)] : $"{kinds[kind]}{random.Next(200)}").ToList());
        }

        return documents;
    }

    [Fact]
    public void Should_Place_Words_Used_Alike_Near_Each_Other()
    {
        var vectors = WordVectors.Train(Corpus(), null, CancellationToken.None);

        var cat = vectors.Embed(["cat"]);
        Assert.True(WordVectors.Cosine(cat, vectors.Embed(["dog"])) > WordVectors.Cosine(cat, vectors.Embed(["car"])) + 0.2f);
        Assert.True(WordVectors.Cosine(vectors.Embed(["truck", "vehicle7"]), vectors.Embed(["car"])) > WordVectors.Cosine(vectors.Embed(["truck", "vehicle7"]), cat));
    }

    [Fact]
    public void Should_Learn_The_Same_Vectors_From_The_Same_Corpus()
    {
        var first = WordVectors.Train(Corpus(), null, CancellationToken.None);
        var second = WordVectors.Train(Corpus(), null, CancellationToken.None);

        Assert.Equal(first.Embed(["cat", "vehicle3"]), second.Embed(["cat", "vehicle3"]));
    }

    [Fact]
    public void Should_Read_Back_What_It_Wrote()
    {
        using var folder = new TempFolder();
        var vectors = WordVectors.Train(Corpus(), null, CancellationToken.None);
        vectors.Save(folder.Combine("vectors.bin"));

        var loaded = WordVectors.Load(folder.Combine("vectors.bin"));

        Assert.Equal(vectors.Count, loaded.Count);
        Assert.Equal(vectors.Embed(["dog", "pet5"]), loaded.Embed(["dog", "pet5"]));
        var embedding = vectors.Embed(["vehicle9"]);
        Assert.All(WordVectors.FromBytes(WordVectors.ToBytes(embedding)).Zip(embedding), p => Assert.Equal(p.Second, p.First, 0.002f));
        Assert.Equal(0, WordVectors.Load(folder.Combine("missing.bin")).Count);
    }

    [Fact]
    public void Should_Give_No_Vector_To_A_Word_Seen_Too_Rarely()
    {
        var vectors = WordVectors.Train([["alpha", "beta", "gamma"]], null, CancellationToken.None);

        Assert.Equal(0, vectors.Count);
        Assert.All(vectors.Embed(["alpha"]), x => Assert.Equal(0f, x));
    }
}
