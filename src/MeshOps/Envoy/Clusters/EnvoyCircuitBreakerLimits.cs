namespace MeshOps.Envoy.Clusters;

/// <summary>The circuit breaker limits of one routing priority (Envoy's defaults: 1024 connections, requests, pending; 3 retries).</summary>
public sealed record EnvoyCircuitBreakerLimits(ulong MaxConnections, ulong MaxPendingRequests, ulong MaxRequests, ulong MaxRetries);
