namespace MeshOps.Tests.Envoy.Clusters;

/// <summary>
/// One sidecar's clusters written both ways Envoy writes them, with the hazards of each form: an IPv6 host (its
/// <c>::</c> inside the line's own <c>::</c>), a pipe, a hostname holding <c>::</c>, failure flags, outlier data and
/// -1 ("no data") rates in the text; omitted zeros, omitted COUNTER types and uint64 strings in the JSON.
/// </summary>
internal static class ClustersFixture
{
    public const string Api = "api.default.dc1.internal.bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";

    public static readonly string Text = string.Join('\n',
        $"{Api}::observability_name::{Api}",
        $"{Api}::outlier::success_rate_average::-1",
        $"{Api}::outlier::success_rate_ejection_threshold::-1",
        $"{Api}::outlier::local_origin_success_rate_average::87.5",
        $"{Api}::outlier::local_origin_success_rate_ejection_threshold::55.25",
        $"{Api}::default_priority::max_connections::1024",
        $"{Api}::default_priority::max_pending_requests::1024",
        $"{Api}::default_priority::max_requests::1024",
        $"{Api}::default_priority::max_retries::3",
        $"{Api}::high_priority::max_connections::2048",
        $"{Api}::high_priority::max_pending_requests::1024",
        $"{Api}::high_priority::max_requests::1024",
        $"{Api}::high_priority::max_retries::5",
        $"{Api}::added_via_api::true",
        $"{Api}::eds_service_name::api-eds",
        $"{Api}::[fd00:10:244::7]:20000::cx_active::2",
        $"{Api}::[fd00:10:244::7]:20000::cx_connect_fail::0",
        $"{Api}::[fd00:10:244::7]:20000::cx_total::9",
        $"{Api}::[fd00:10:244::7]:20000::rq_active::1",
        $"{Api}::[fd00:10:244::7]:20000::rq_error::0",
        $"{Api}::[fd00:10:244::7]:20000::rq_success::18446744073709551615",
        $"{Api}::[fd00:10:244::7]:20000::rq_timeout::0",
        $"{Api}::[fd00:10:244::7]:20000::rq_total::7",
        $"{Api}::[fd00:10:244::7]:20000::hostname::api-0::v6",
        $"{Api}::[fd00:10:244::7]:20000::health_flags::healthy",
        $"{Api}::[fd00:10:244::7]:20000::weight::1",
        $"{Api}::[fd00:10:244::7]:20000::region::eu-west-1",
        $"{Api}::[fd00:10:244::7]:20000::zone::eu-west-1a",
        $"{Api}::[fd00:10:244::7]:20000::sub_zone::",
        $"{Api}::[fd00:10:244::7]:20000::canary::false",
        $"{Api}::[fd00:10:244::7]:20000::priority::0",
        $"{Api}::[fd00:10:244::7]:20000::success_rate::99.5",
        $"{Api}::[fd00:10:244::7]:20000::local_origin_success_rate::-1.0",
        $"{Api}::10.244.1.12:20000::cx_active::0",
        $"{Api}::10.244.1.12:20000::cx_connect_fail::35",
        $"{Api}::10.244.1.12:20000::cx_total::35",
        $"{Api}::10.244.1.12:20000::rq_active::0",
        $"{Api}::10.244.1.12:20000::rq_error::19",
        $"{Api}::10.244.1.12:20000::rq_success::0",
        $"{Api}::10.244.1.12:20000::rq_timeout::0",
        $"{Api}::10.244.1.12:20000::rq_total::0",
        $"{Api}::10.244.1.12:20000::hostname::",
        $"{Api}::10.244.1.12:20000::health_flags::/failed_outlier_check/failed_eds_health",
        $"{Api}::10.244.1.12:20000::weight::1",
        $"{Api}::10.244.1.12:20000::region::",
        $"{Api}::10.244.1.12:20000::zone::",
        $"{Api}::10.244.1.12:20000::sub_zone::",
        $"{Api}::10.244.1.12:20000::canary::false",
        $"{Api}::10.244.1.12:20000::priority::1",
        $"{Api}::10.244.1.12:20000::success_rate::-1",
        $"{Api}::10.244.1.12:20000::local_origin_success_rate::0",
        "local_agent::observability_name::local_agent",
        "local_agent::default_priority::max_connections::1024",
        "local_agent::default_priority::max_pending_requests::1024",
        "local_agent::default_priority::max_requests::1024",
        "local_agent::default_priority::max_retries::3",
        "local_agent::high_priority::max_connections::1024",
        "local_agent::high_priority::max_pending_requests::1024",
        "local_agent::high_priority::max_requests::1024",
        "local_agent::high_priority::max_retries::3",
        "local_agent::added_via_api::false",
        "local_agent::/run/consul/agent.sock::cx_active::1",
        "local_agent::/run/consul/agent.sock::cx_connect_fail::0",
        "local_agent::/run/consul/agent.sock::cx_total::1",
        "local_agent::/run/consul/agent.sock::rq_active::1",
        "local_agent::/run/consul/agent.sock::rq_error::0",
        "local_agent::/run/consul/agent.sock::rq_success::0",
        "local_agent::/run/consul/agent.sock::rq_timeout::0",
        "local_agent::/run/consul/agent.sock::rq_total::1",
        "local_agent::/run/consul/agent.sock::hostname::",
        "local_agent::/run/consul/agent.sock::health_flags::/degraded_eds_health",
        "local_agent::/run/consul/agent.sock::weight::1",
        "local_agent::/run/consul/agent.sock::region::",
        "local_agent::/run/consul/agent.sock::zone::",
        "local_agent::/run/consul/agent.sock::sub_zone::",
        "local_agent::/run/consul/agent.sock::canary::false",
        "local_agent::/run/consul/agent.sock::priority::0",
        "local_agent::/run/consul/agent.sock::success_rate::-1.0",
        "local_agent::/run/consul/agent.sock::local_origin_success_rate::-1.0",
        "original-destination::observability_name::original-destination",
        "original-destination::default_priority::max_connections::1024",
        "original-destination::default_priority::max_pending_requests::1024",
        "original-destination::default_priority::max_requests::1024",
        "original-destination::default_priority::max_retries::3",
        "original-destination::high_priority::max_connections::1024",
        "original-destination::high_priority::max_pending_requests::1024",
        "original-destination::high_priority::max_requests::1024",
        "original-destination::high_priority::max_retries::3",
        "original-destination::added_via_api::true",
        "");

    public static readonly string Json = $$"""
        {
         "cluster_statuses": [
          {
           "name": "{{Api}}",
           "added_via_api": true,
           "local_origin_success_rate_ejection_threshold": { "value": 55.25 },
           "host_statuses": [
            {
             "address": { "socket_address": { "address": "fd00:10:244::7", "port_value": 20000 } },
             "stats": [
              { "name": "cx_connect_fail" },
              { "value": "9", "name": "cx_total" },
              { "name": "rq_error" },
              { "value": "18446744073709551615", "name": "rq_success" },
              { "name": "rq_timeout" },
              { "value": "7", "name": "rq_total" },
              { "type": "GAUGE", "value": "2", "name": "cx_active" },
              { "type": "GAUGE", "value": "1", "name": "rq_active" }
             ],
             "health_status": { "eds_health_status": "HEALTHY" },
             "success_rate": { "value": 99.5 },
             "weight": 1,
             "hostname": "api-0::v6",
             "locality": { "region": "eu-west-1", "zone": "eu-west-1a" }
            },
            {
             "address": { "socket_address": { "address": "10.244.1.12", "port_value": 20000 } },
             "stats": [
              { "value": "35", "name": "cx_connect_fail" },
              { "value": "35", "name": "cx_total" },
              { "value": "19", "name": "rq_error" },
              { "name": "rq_success" },
              { "name": "rq_timeout" },
              { "name": "rq_total" },
              { "type": "GAUGE", "name": "cx_active" },
              { "type": "GAUGE", "name": "rq_active" }
             ],
             "health_status": { "eds_health_status": "UNHEALTHY", "failed_outlier_check": true },
             "weight": 1,
             "priority": 1,
             "local_origin_success_rate": { },
             "locality": {}
            }
           ],
           "circuit_breakers": {
            "thresholds": [
             { "max_connections": 1024, "max_pending_requests": 1024, "max_requests": 1024, "max_retries": 3 },
             { "priority": "HIGH", "max_connections": 2048, "max_pending_requests": 1024, "max_requests": 1024, "max_retries": 5 }
            ]
           },
           "observability_name": "{{Api}}",
           "eds_service_name": "api-eds"
          },
          {
           "name": "local_agent",
           "host_statuses": [
            {
             "address": { "pipe": { "path": "/run/consul/agent.sock" } },
             "stats": [
              { "name": "cx_connect_fail" },
              { "value": "1", "name": "cx_total" },
              { "name": "rq_error" },
              { "name": "rq_success" },
              { "name": "rq_timeout" },
              { "value": "1", "name": "rq_total" },
              { "type": "GAUGE", "value": "1", "name": "cx_active" },
              { "type": "GAUGE", "value": "1", "name": "rq_active" }
             ],
             "health_status": { "eds_health_status": "DEGRADED" },
             "weight": 1,
             "locality": {}
            }
           ],
           "circuit_breakers": {
            "thresholds": [
             { "max_connections": 1024, "max_pending_requests": 1024, "max_requests": 1024, "max_retries": 3 },
             { "priority": "HIGH", "max_connections": 1024, "max_pending_requests": 1024, "max_requests": 1024, "max_retries": 3 }
            ]
           },
           "observability_name": "local_agent"
          },
          {
           "name": "original-destination",
           "added_via_api": true,
           "circuit_breakers": {
            "thresholds": [
             { "max_connections": 1024, "max_pending_requests": 1024, "max_requests": 1024, "max_retries": 3 },
             { "priority": "HIGH", "max_connections": 1024, "max_pending_requests": 1024, "max_requests": 1024, "max_retries": 3 }
            ]
           },
           "observability_name": "original-destination"
          }
         ]
        }
        """;
}
