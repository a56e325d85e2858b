using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace MoltBot.ControlUi;

/// <summary>
/// The Control UI and WebChat: a few static files embedded in the binary, served without the token (they hold no data;
/// everything behind them goes over the token-checked WebSocket). ETags let browsers revalidate cheaply.
/// </summary>
internal static class ControlUiEndpoints
{
    private static readonly FrozenDictionary<string, Asset> Assets = LoadAssets();

    /// <summary>Paths served without the gateway token.</summary>
    public static bool IsPublic(PathString path) =>
        path.Equals("/", StringComparison.Ordinal) || (path.StartsWithSegments("/assets", StringComparison.Ordinal) && Assets.ContainsKey(path.Value!));

    public static IEndpointRouteBuilder MapControlUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) => Serve(context, Assets["/"]));
        endpoints.MapGet("/assets/{name}", (HttpContext context, string name) =>
            Assets.TryGetValue("/assets/" + name, out var asset) ? Serve(context, asset) : Results.NotFound());
        return endpoints;
    }

    private static IResult Serve(HttpContext context, Asset asset)
    {
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> LoadAssets()
    {
        var assembly = typeof(ControlUiEndpoints).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("controlui/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource["controlui/".Length..];
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"").ToString();
            assets[name == "index.html" ? "/" : "/assets/" + name] = new Asset(content, ContentTypeOf(name), etag);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
