using Evidentia.Core.Documents;
using Evidentia.Core.Text;

namespace Evidentia.Tests.Text;

public class WhitespaceNormalizerTests
{
    [Theory]
    [InlineData("Crohn\u0092s disease", "Crohn’s disease")]
    [InlineData("\u0093Quoted\u0094 \u0096 dash", "“Quoted” – dash")]
    [InlineData("No\u0081mapping", "No mapping")]
    [InlineData("tab\there", "tab here")]
    public void Should_Repair_Windows_1252_Punctuation_Read_As_C1_Controls(string raw, string shown) =>
        Assert.Equal(shown, WhitespaceNormalizer.Normalize(raw));

    [Fact]
    public void Should_Keep_Quotes_Exact_Over_A_Repaired_Character()
    {
        var d = Document.Create(new DocumentKey("c", "1"), "T", [new SourceSection("", "Fixture\u0092s first sentence here. Fixture\u0092s second sentence here.")]);

        Assert.Equal("Fixture’s first sentence here. Fixture’s second sentence here.", d.Text);
        Assert.Equal(["Fixture’s first sentence here.", "Fixture’s second sentence here."], d.Passages.Select(p => d.Quote(p.Span)));
    }
}
