fn main() {
    care_planner::start();
}
