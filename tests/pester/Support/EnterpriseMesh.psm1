# The YAML an Enterprise typed mesh writes, cut down, for the suites of cmdlets that place services in Consul
# namespaces: web in shop, api in backend, no call written, a deny-all over every namespace and one allow from
# shop/web to backend/api; the Helm values beside it turn Consul namespaces on (mirrored from Kubernetes).
function New-EnterpriseMesh {
    param([Parameter(Mandatory)] [string] $Folder)
    $null = New-Item -ItemType Directory -Path $Folder -Force
    Set-Content -LiteralPath (Join-Path $Folder 'mesh.yaml') -Value @'
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
      annotations: { consul.hashicorp.com/connect-inject: "true" }
    spec:
      containers: [{ name: web, image: example/web:1, ports: [{ containerPort: 8080 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: backend }
spec:
  selector: { app: api }
  ports: [{ port: 9090, targetPort: 9090 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: backend }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata:
      labels: { app: api }
      annotations: { consul.hashicorp.com/connect-inject: "true" }
    spec:
      containers: [{ name: api, image: example/api:1, ports: [{ containerPort: 9090 }] }]
---
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceIntentions
metadata: { name: deny-all, namespace: shop }
spec:
  destination: { name: "*", namespace: "*" }
  sources: [{ name: "*", namespace: "*", action: deny }]
---
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceIntentions
metadata: { name: api, namespace: backend }
spec:
  destination: { name: api, namespace: backend }
  sources: [{ name: web, namespace: shop, action: allow }]
'@
    Set-Content -LiteralPath (Join-Path $Folder 'values.yaml') -Value @'
global:
  name: consul
  enableConsulNamespaces: true
connectInject:
  enabled: true
'@
    [pscustomobject]@{ Mesh = Join-Path $Folder 'mesh.yaml'; Values = Join-Path $Folder 'values.yaml' }
}

Export-ModuleMember -Function New-EnterpriseMesh
