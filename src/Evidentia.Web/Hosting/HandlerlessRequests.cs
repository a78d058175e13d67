using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Evidentia.Web.Hosting;

/// <summary>
/// A request in a method a page has no handler for (a POST to a page without a form, or to an unknown
/// <c>?handler=</c>) is answered 405 Method Not Allowed: Razor Pages would otherwise render the page without running
/// its GET handler, and the page, whose model that handler fills, would fail. GET and HEAD render as usual.
/// </summary>
public sealed class HandlerlessRequests : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.HttpContext.Response.Headers.Allow = context.ActionDescriptor.HandlerMethods.Any(h => h.HttpMethod == "Post") ? "GET, HEAD, POST" : "GET, HEAD";
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
