print("dixit-bench")
