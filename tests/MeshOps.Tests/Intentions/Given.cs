using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

/// <summary>Short builders so each test reads as the intention YAML it stands for.</summary>
internal static class Given
{
    public static IntentionSource Source(string name, IntentionAction action, string ns = "default", string? peer = null, string? partition = null, string? samenessGroup = null) =>
        new(name, ns, partition, peer, samenessGroup, action, [], null);

    public static IntentionSource L7Source(string name, params IntentionPermission[] permissions) =>
        new(name, "default", null, null, null, null, permissions, null);

    public static IntentionEntry Entry(string destination, params IntentionSource[] sources) =>
        new(destination, "default", sources, "tag:" + destination);

    public static IntentionEntry Entry(string destinationNamespace, string destination, params IntentionSource[] sources) =>
        new(destination, destinationNamespace, sources, "tag:" + destinationNamespace + "/" + destination);

    public static ServiceIdentity Service(string name, string ns = "default") => new(ns, name);

    public static IntentionPermission Permission(
        IntentionAction action,
        string? pathExact = null,
        string? pathPrefix = null,
        string? pathRegex = null,
        string[]? methods = null,
        HttpHeaderPermission[]? headers = null) =>
        new(action, new HttpPermission(pathExact, pathPrefix, pathRegex, methods ?? [], headers ?? []));

    public static HttpRequestAttributes Request(string method, string path, params (string Name, string Value)[] headers) =>
        new(method, path, headers.ToDictionary(h => h.Name, h => h.Value));
}
