# A plain Pester file: no param block, so Invoke-MeshCheck passes it nothing.
Describe 'a plain Pester file' {
    It 'runs' {
        1 + 1 | Should -Be 2
    }
}
