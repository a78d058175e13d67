using System.Text.RegularExpressions;

namespace Evidentia.Core.Answers;

/// <summary>
/// One section of a plan: a sentence goes to it when the heading it had in its source matches
/// <paramref name="SourceHeading"/> or the sentence itself matches <paramref name="Statement"/>.
/// </summary>
public sealed record SectionRule(string Heading, Regex? SourceHeading, Regex? Statement);
