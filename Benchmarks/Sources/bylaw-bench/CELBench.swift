/// CEL evaluation figures (issue: CEL in Swift).
func benchCEL() {
    print("(not yet measured)")
}
