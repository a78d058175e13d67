using Evidentia.Core.Answers;
using Evidentia.Core.Documents;

namespace Evidentia.Tests.Answers;

public class GuidelineAttributionTests
{
    private static Reference Reference(int? year, EvidenceLevel level = EvidenceLevel.Guideline) =>
        new(1, "ngc-1", "ngc", "A guideline", "American Academy of Demonstration", year, level, null);

    [Fact]
    public void Should_Name_Who_Recommends_When_And_How_Strongly()
    {
        var item = new AnswerItem("Offer quandrex.", [1], [new Quote(1, "ngc-1", "ngc", 0, 10, "Offer quandrex (Level B).", "Level B")]);

        Assert.Equal("American Academy of Demonstration 2015, Level B", GuidelineAttribution.For(item, [Reference(2015)]));
        Assert.Null(GuidelineAttribution.For(item, [Reference(2015, EvidenceLevel.Research)]));
        Assert.Equal("grade B", GuidelineAttribution.Grade("B"));
    }

    [Fact]
    public void Should_Say_When_A_Guideline_Is_Five_Years_Old_Or_More()
    {
        var today = new DateOnly(2026, 12, 7);

        Assert.Equal("Guideline of 2015, 11 years old: check whether it has been updated or withdrawn.", GuidelineAttribution.AgeNote(Reference(2015), today));
        Assert.Null(GuidelineAttribution.AgeNote(Reference(2022), today));
        Assert.Null(GuidelineAttribution.AgeNote(Reference(2015, EvidenceLevel.Research), today));
    }
}
