using Evidentia.Core.Documents;
using Evidentia.Core.Text;

namespace Evidentia.Tests.Text;

// Placeholder signs: these tables test the mechanics, they are not evidence.
public class SymptomTablesTests
{
    private const string Heading = SymptomTables.Heading;

    private static List<string> Segments(string text) => SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToList();

    [Fact]
    public void Should_Keep_A_Flattened_Table_Whole_As_One_Segment()
    {
        var table = $"{Heading} Placeholder sign A Very frequent Frequent placeholder falls Occasional Sign C 3/5 Sign D - Sign E -";
        Assert.Equal(
            ["Use the dictionary for these terms.", table, "The Human Phenotype Ontology (HPO) has collected information."],
            Segments($"Use the dictionary for these terms. {table} The Human Phenotype Ontology (HPO) has collected information."));
    }

    [Fact]
    public void Should_End_A_Table_Before_The_Sentence_After_It()
    {
        Assert.Equal(
            [$"{Heading} Sign A Occasional Sign B -", "Yes.", "About 5% of placeholder cases are made up."],
            Segments($"{Heading} Sign A Occasional Sign B - Yes. About 5% of placeholder cases are made up."));
    }

    [Fact]
    public void Should_Show_A_Table_Row_By_Row()
    {
        Assert.Equal(
            $"{Heading}: Placeholder sign A: Very frequent; Frequent placeholder falls: Occasional; Sign C: 3/5; Sign D.",
            ShortLists.Inline($"{Heading} Placeholder sign A Very frequent Frequent placeholder falls Occasional Sign C 3/5 Sign D -"));
        Assert.Equal(Heading, ShortLists.Subject($"{Heading} Sign A Very frequent Sign B -"));
    }

    [Fact]
    public void Should_Leave_Text_Without_A_Table_As_It_Was()
    {
        Assert.Equal(-1, SymptomTables.End("Signs and Symptoms of the placeholder condition include - Pain - Made-up fever - Fixture rash.", 0));
        Assert.Null(SymptomTables.Inline("Signs of the placeholder condition are made up."));
        Assert.Equal($"{Heading} are not listed for this made-up condition.", ShortLists.Inline($"{Heading} are not listed for this made-up condition."));
    }

    [Fact]
    public void Should_Quote_The_Table_As_The_Source_Has_It()
    {
        const string source = $"{Heading} Sign A Very frequent Sign B Frequent Sign C - The Human Phenotype Ontology (HPO) has collected information.";
        var document = Document.Create(new DocumentKey("test", "t"), "T", [new SourceSection("", source)]);
        Assert.Equal(source, document.Text);
        Assert.Equal($"{Heading} Sign A Very frequent Sign B Frequent Sign C -", document.Quote(document.Passages[0].Span));
    }
}
