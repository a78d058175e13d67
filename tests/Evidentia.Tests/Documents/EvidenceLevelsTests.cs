using Evidentia.Core.Documents;

namespace Evidentia.Tests.Documents;

public class EvidenceLevelsTests
{
    [Theory]
    [InlineData(EvidenceLevel.Guideline, "Journal Article", "Practice Guideline")]
    [InlineData(EvidenceLevel.SystematicReview, "Review", "Meta-Analysis")]
    [InlineData(EvidenceLevel.SystematicReview, "Systematic Review")]
    [InlineData(EvidenceLevel.RandomizedTrial, "Randomized Controlled Trial", "Journal Article")]
    [InlineData(EvidenceLevel.ObservationalStudy, "Observational Study")]
    [InlineData(EvidenceLevel.CaseReport, "Case Reports")]
    [InlineData(EvidenceLevel.Review, "Review")]
    [InlineData(EvidenceLevel.Research, "Journal Article")]
    [InlineData(EvidenceLevel.RandomizedTrial, "Humans", "Double-Blind Method", "Prospective Studies")]
    [InlineData(EvidenceLevel.ObservationalStudy, "Retrospective Studies", "Aged")]
    [InlineData(EvidenceLevel.Research, "Humans", "Randomized Controlled Trials as Topic")]
    public void Should_Take_The_Strongest_Publication_Type_Or_Design_Heading(EvidenceLevel expected, params string[] types) =>
        Assert.Equal(expected, EvidenceLevels.FromPubMedIndexing(types));

    [Theory]
    [InlineData("https://rarediseases.info.nih.gov/gard/10955/noonan-syndrome", EvidenceLevel.PatientInformation)]
    [InlineData("https://medlineplus.gov/ency/article/000001.htm", EvidenceLevel.PatientInformation)]
    [InlineData("https://www.cdc.gov/flu/", EvidenceLevel.PatientInformation)]
    [InlineData("https://www.example.org/nih.gov", EvidenceLevel.Research)]
    [InlineData(null, EvidenceLevel.Research)]
    public void Should_Treat_Nih_Consumer_Pages_As_Patient_Information(string? url, EvidenceLevel expected) =>
        Assert.Equal(expected, EvidenceLevels.FromUrl(url));

    [Theory]
    [InlineData("guideline", EvidenceLevel.Guideline)]
    [InlineData("Systematic review", EvidenceLevel.SystematicReview)]
    [InlineData("meta-analysis", EvidenceLevel.SystematicReview)]
    [InlineData("RCT", EvidenceLevel.RandomizedTrial)]
    [InlineData("patient-information", EvidenceLevel.PatientInformation)]
    [InlineData("review", EvidenceLevel.Review)]
    public void Should_Parse_Header_Values(string value, EvidenceLevel expected)
    {
        Assert.True(EvidenceLevels.TryParse(value, out var level));
        Assert.Equal(expected, level);
    }

    [Fact]
    public void Should_Reject_An_Unknown_Header_Value() => Assert.False(EvidenceLevels.TryParse("very strong", out _));
}
