using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Evidentia.Web.Pages;

/// <summary>The readable API page, rendered from the same OpenAPI document that <c>/openapi/v1.json</c> serves.</summary>
public sealed class ApiModel([FromKeyedServices("v1")] IOpenApiDocumentProvider provider) : PageModel
{
    public OpenApiDocument Document { get; private set; } = new();

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        Operations = (Document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new Operation(
                op.Value.Tags?.FirstOrDefault()?.Name ?? "Other",
                op.Key.Method,
                path.Key,
                op.Value.Summary,
                op.Value.Description,
                (op.Value.Parameters ?? []).Select(p => new Parameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required)).ToList(),
                op.Value.RequestBody?.Content?.Keys.FirstOrDefault(),
                (op.Value.Responses ?? []).Select(r => r.Key).ToList())))
            .ToList();
    }

    public sealed record Operation(
        string Tag, string Method, string Path, string? Summary, string? Description, IReadOnlyList<Parameter> Parameters, string? Body, IReadOnlyList<string> Responses);

    public sealed record Parameter(string Name, string In, bool Required);
}
