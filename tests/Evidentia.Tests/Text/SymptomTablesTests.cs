using Evidentia.Core.Documents;
using Evidentia.Core.Text;

namespace Evidentia.Tests.Text;

// Placeholder signs: these tables test the mechanics, they are not evidence.
public class SymptomTablesTests
{
    private const string Heading = "Signs and Symptoms Approximate number of patients (when available)";

    [Fact]
    public void Should_Put_A_Flattened_Table_On_Lines_Under_Its_Heading()
    {
        var text = $"Use the dictionary for these terms. {Heading} Placeholder sign A Very frequent Frequent placeholder falls Occasional Sign C 3/5 Sign D - Sign E - The Human Phenotype Ontology (HPO) has collected information.";
        Assert.Equal(
            $"Use the dictionary for these terms. {Heading}:\n- Placeholder sign A: Very frequent\n- Frequent placeholder falls: Occasional\n- Sign C: 3/5\n- Sign D\n- Sign E\n\nThe Human Phenotype Ontology (HPO) has collected information.",
            SymptomTables.Unflatten(text));
    }

    [Fact]
    public void Should_Leave_The_Sentence_After_A_Table_As_Text()
    {
        Assert.Equal(
            $"{Heading}:\n- Sign A: Occasional\n- Sign B\n\nYes. About 5% of placeholder cases are made up.",
            SymptomTables.Unflatten($"{Heading} Sign A Occasional Sign B - Yes. About 5% of placeholder cases are made up."));
    }

    [Fact]
    public void Should_Leave_Text_Without_A_Table_As_It_Is()
    {
        const string text = "Signs and Symptoms of the placeholder condition include - Pain - Made-up fever - Fixture rash.";
        Assert.Same(text, SymptomTables.Unflatten(text));
    }

    [Fact]
    public void Should_Make_The_Table_One_Quotable_List()
    {
        var document = Document.Create(new DocumentKey("test", "t"), "T", [new SourceSection("", $"{Heading} Sign A Very frequent Sign B Frequent Sign C - The Human Phenotype Ontology (HPO) has collected information.")]);
        var list = document.Quote(document.Passages[0].Span);
        Assert.Equal($"{Heading}: Sign A: Very frequent; Sign B: Frequent; Sign C.", ShortLists.Inline(list));
        Assert.Equal("The Human Phenotype Ontology (HPO) has collected information.", document.Quote(document.Passages[1].Span));
    }
}
