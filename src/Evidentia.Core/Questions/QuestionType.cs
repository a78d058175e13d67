namespace Evidentia.Core.Questions;

/// <summary>What a question asks for; it chooses the answer's section plan.</summary>
public enum QuestionType
{
    /// <summary>What X is: an overview.</summary>
    Definition,
    Treatment,
    Diagnosis,
    Dose,
    Cause,
    Symptoms,
    Prognosis,
    Prevention,
    /// <summary>Inheritance, genes, who is at risk because of family.</summary>
    Genetics,
    /// <summary>How common something is.</summary>
    Frequency,
    Complications,
    /// <summary>Yes/no questions and comparisons ("Is A better than B?").</summary>
    Comparison,
    /// <summary>Ingredients, interactions, side effects of a drug.</summary>
    DrugInformation,
    Other,
}
