using System.Text.Json;
using Evidentia.Core.Questions;

namespace Evidentia.Tests.Questions;

public class QuestionAnalyzerTests
{
    public static TheoryData<string, bool> EmergencySet()
    {
        var data = new TheoryData<string, bool>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Questions", "emergency-set.jsonl")))
        {
            var e = JsonDocument.Parse(line).RootElement;
            data.Add(e.GetProperty("text").GetString()!, e.GetProperty("emergency").GetBoolean());
        }

        return data;
    }

    [Fact]
    public void The_Emergency_Set_Should_Hold_At_Least_30_Emergencies_And_30_Look_Alikes()
    {
        var set = EmergencySet().Select(row => (bool)row[1]).ToList();
        Assert.True(set.Count(e => e) >= 30);
        Assert.True(set.Count(e => !e) >= 30);
    }

    [Theory]
    [MemberData(nameof(EmergencySet))]
    public void Should_Flag_Emergencies_And_Only_Emergencies(string question, bool emergency) =>
        Assert.Equal(emergency, QuestionAnalyzer.Analyze(question).IsEmergency);

    [Theory]
    [InlineData("What is the treatment for Noonan syndrome?", QuestionType.Treatment, "Noonan syndrome")]
    [InlineData("How is gout diagnosed?", QuestionType.Diagnosis, "gout")]
    [InlineData("What is the dose of amoxicillin for children?", QuestionType.Dose, "amoxicillin children")]
    [InlineData("What causes Marfan syndrome?", QuestionType.Cause, "Marfan syndrome")]
    [InlineData("What are the symptoms of Lyme disease?", QuestionType.Symptoms, "Lyme disease")]
    [InlineData("What is the outlook for people with ALS?", QuestionType.Prognosis, "ALS")]
    [InlineData("How can I prevent kidney stones?", QuestionType.Prevention, "kidney stones")]
    [InlineData("Is cystic fibrosis inherited?", QuestionType.Genetics, "cystic fibrosis")]
    [InlineData("How many people are affected by Gaucher disease?", QuestionType.Frequency, "Gaucher disease")]
    [InlineData("What is (are) Cowden syndrome ?", QuestionType.Definition, "Cowden syndrome")]
    [InlineData("Do zolmitriptan tablets contain gluten?", QuestionType.DrugInformation, "zolmitriptan tablets contain gluten")]
    [InlineData("Do 5 mg. Zolmitriptan tablets contain gluten?", QuestionType.DrugInformation, "Zolmitriptan tablets contain gluten")]
    [InlineData("What are the side effects of metformin?", QuestionType.DrugInformation, "metformin")]
    [InlineData("Is it safe to take aspirin during pregnancy?", QuestionType.DrugInformation, "aspirin during pregnancy")]
    [InlineData("What are the symptoms of type 1 diabetes?", QuestionType.Symptoms, "type 1 diabetes")]
    [InlineData("What are the long-term effects of type 1 diabetes?", QuestionType.Complications, "type 1 diabetes")]
    [InlineData("What is Ehlers-Danlos syndrome type IV?", QuestionType.Definition, "Ehlers-Danlos syndrome type IV")]
    [InlineData("What types of arthritis are there?", QuestionType.Other, "arthritis")]
    [InlineData("What are the early signs of Alzheimer's disease?", QuestionType.Symptoms, "Alzheimer's disease")]
    [InlineData("What is the life expectancy with cystic fibrosis?", QuestionType.Prognosis, "cystic fibrosis")]
    [InlineData("How long does chickenpox last?", QuestionType.Other, "chickenpox")]
    [InlineData("What is the second-line treatment for epilepsy?", QuestionType.Treatment, "epilepsy")]
    [InlineData("Is psoriasis contagious?", QuestionType.Comparison, "psoriasis")]
    [InlineData("Is metformin better than insulin for type 2 diabetes?", QuestionType.Comparison, "metformin insulin type 2 diabetes")]
    [InlineData("What is the difference between asthma and COPD?", QuestionType.Comparison, "asthma COPD")]
    [InlineData("Gout. My father's big toe has been swollen and red for a week. How is it diagnosed? He lives alone.", QuestionType.Diagnosis, "Gout")]
    [InlineData("How is gout diagnosed? My father's big toe has been swollen and red for a week.", QuestionType.Diagnosis, "gout")]
    [InlineData("Is their eczema usually still this bad in winter?", QuestionType.Comparison, "eczema bad winter")]
    [InlineData("Describe the mechanism of action of apalutamide.", QuestionType.Other, "mechanism action apalutamide")]
    [InlineData("List the genes involved in Sanfilippo syndrome.", QuestionType.Genetics, "genes involved Sanfilippo syndrome")]
    public void Should_Tell_The_Type_And_Focus(string question, QuestionType type, string focus)
    {
        var analysis = QuestionAnalyzer.Analyze(question);
        Assert.Equal((type, focus), (analysis.Type, analysis.Focus));
    }
}
