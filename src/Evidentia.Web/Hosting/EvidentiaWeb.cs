using System.Reflection;
using System.Threading.RateLimiting;
using Evidentia.Core.Answers;
using Evidentia.Core.Accounts;
using Evidentia.Core.Articles;
using Evidentia.Web.Accounts;
using Evidentia.Web.Answering;
using Evidentia.Web.Reviewing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Evidentia.Web.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Evidentia.Web.Hosting;

/// <summary>The web product: Razor Pages, the JSON API under <c>/api</c>, OpenAPI and health, over an open backend.</summary>
public static class EvidentiaWeb
{
    /// <summary>The rate limiter policy of everything that composes a new answer.</summary>
    public const string AskPolicy = "ask";

    /// <summary>Reviewers, editors and admins: the review queue and review pages (each action is checked by role too).</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Admins: users and the audit trail.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>
    /// Builds the application. <paramref name="args"/> are ASP.NET Core's own (<c>--urls</c>, <c>--Web:AskPermitsPerMinute</c>);
    /// environment variables prefixed <c>EVIDENTIA_</c> set the same keys.
    /// </summary>
    public static WebApplication Build(EvidentiaBackend backend, string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The pages and endpoints live in this assembly, whoever hosts it (the CLI, a test, a benchmark).
            ApplicationName = typeof(EvidentiaWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("EVIDENTIA_");
        builder.AddEvidentia(backend);

        var app = builder.Build();
        app.UseEvidentia();
        return app;
    }

    private static void AddEvidentia(this WebApplicationBuilder builder, EvidentiaBackend backend)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(backend.Documents);
        services.AddSingleton(backend.Index);
        services.AddSingleton(backend.Searcher);
        services.AddSingleton(backend.Engine);
        services.AddSingleton(backend.Articles);
        services.AddSingleton(backend.Conversations);
        services.AddSingleton(backend.Users);
        services.AddSingleton(backend.Audit);
        services.AddSingleton(new Snapshots(backend.Documents, backend.Index, backend.Settings));
        services.AddHttpContextAccessor();
        services.AddSingleton<ComposeBudget>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<ExampleQuestions>();
        services.AddSingleton<CollectionStatistics>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AccountService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<LivingArticles>();
        services.AddHostedService<LivingArticlesService>();
        services.AddHostedService<IndexFollower>();
        services.AddHostedService<VectorBuilder>();

        var keys = services.AddDataProtection().SetApplicationName("Evidentia");
        if (builder.Configuration[$"{WebOptions.Section}:{nameof(WebOptions.KeysFolder)}"] is { Length: > 0 } keysFolder)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "evidentia-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            // Sessions are checked against the account on every request: signing out, a password or role change
            // and a disabled account end every session at once, on every node.
            o.Events.OnValidatePrincipal = async c =>
            {
                if (c.Principal is null
                    || !await c.HttpContext.RequestServices.GetRequiredService<AccountService>().IsSessionValidAsync(c.Principal, c.HttpContext.RequestAborted))
                {
                    c.RejectPrincipal();
                    await c.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                }
            };
            // A signed-in user without the role gets 403 (the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = c =>
            {
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(nameof(Role.Reviewer), nameof(Role.Editor), nameof(Role.Admin)))
            .AddPolicy(AdminPolicy, p => p.RequireRole(nameof(Role.Admin)));

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Review", StaffPolicy);
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
        }).AddMvcOptions(o => o.Filters.Add<HandlerlessRequests>());
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            AnswerJson.Configure(o.SerializerOptions);
            // Source text is untrusted: <, >, & and quotes leave as \u escapes, so no reply can be read as markup.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Evidentia API";
            document.Info.Description = "Cited clinical answers from the indexed evidence. Every sentence carries its citations and the exact quotes behind them.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AskPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value.AskPermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    return; // A page: the status code page explains it in words.
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many questions", Detail = "Too many new questions from this address; try again in a minute." },
                });
            };
        });
    }

    private static void UseEvidentia(this WebApplication app)
    {
        app.UseMiddleware<ServerTiming>();
        // No stack traces for users: API errors are ProblemDetails, page errors the error page.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandlingPath = "/error",
        });
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Evidentia.Web.Assets"),
            RequestPath = "/assets",
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // The status first (what load balancers read, with the status code), then what the index check says: how far the
        // index and the sentence vectors are.
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                var details = string.Join("; ", report.Entries.Values.Select(e => e.Description).Where(d => !string.IsNullOrEmpty(d)));
                return context.Response.WriteAsync(details.Length == 0 ? report.Status.ToString() : $"{report.Status}: {details}");
            },
        });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAnswersApi();
        app.MapLibraryApi();
        app.MapRazorPages();
    }
}
