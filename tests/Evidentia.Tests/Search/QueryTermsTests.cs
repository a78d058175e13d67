using Evidentia.Search.Indexing;
using Evidentia.Search.Retrieval;

namespace Evidentia.Tests.Search;

public class QueryTermsTests
{
    [Fact]
    public void Should_Take_A_Hyphenated_Word_As_A_Compound_Only_When_Its_Parts_Stand_Nowhere_Else()
    {
        using var analyzer = Analyzers.CreateQuestionAnalyzer();

        var compounds = QueryTerms.Compounds(analyzer, "Long-term zorbel, treated first-line? And X-linked or CRISPR-Cas9 zorbel?");

        // Names are written apart as often as together: they bind nothing.
        Assert.Equal([["long", "term"], ["first", "line"]], compounds.Select(c => c.Parts.ToArray()));
        Assert.Empty(QueryTerms.Compounds(analyzer, "Is first-line zorbel treatment given first?"));
    }

    [Fact]
    public void Should_Record_The_Pairs_Asked_For_Where_They_Stand_Together()
    {
        using var analyzer = Analyzers.CreateIndexAnalyzer();
        var pairs = new HashSet<string> { "first line" };

        Assert.Contains("first line", QueryTerms.Set(analyzer, "The first line of zorbel treatment.", pairs));
        Assert.DoesNotContain("first line", QueryTerms.Set(analyzer, "First diagnosed on a line.", pairs));
    }

    [Fact]
    public void Should_Leave_Out_What_A_Question_Asks_The_Reader_To_Do()
    {
        using var analyzer = Analyzers.CreateQuestionAnalyzer();

        // "Describe", "list": an instruction to the reader, which no evidence covers, not what the question is about.
        Assert.Equal(["mechan", "action", "apalutamid"], QueryTerms.Analyze(analyzer, "Describe the mechanism of action of apalutamide.").Select(t => t.Term));
        Assert.Equal(["main", "ppi", "databas"], QueryTerms.Analyze(analyzer, "List the main PPI databases.").Select(t => t.Term));
    }
}
