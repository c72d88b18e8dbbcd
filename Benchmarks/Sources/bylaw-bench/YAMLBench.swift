/// YAML loader figures: hostile documents rejected, ordinary ones loaded.
func benchYAML() {
    print("(not yet measured)")
}
